/** The dashboard page: static HTML and a small script that draws the REST reports as SVG charts. */
package io.mlops.monitoring.dashboard;
