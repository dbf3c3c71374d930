/** Feature transformation specs, their streamed fitting and the one pure evaluation used offline and online. */
package io.mlops.domain.feature;
