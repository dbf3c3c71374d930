/** The standalone suite's entry point and settings: five services and their servers in one JVM. */
package io.mlops.standalone;
