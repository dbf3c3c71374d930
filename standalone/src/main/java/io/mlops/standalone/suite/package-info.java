/** The five services, each in its own application context, started in order and closed in reverse. */
package io.mlops.standalone.suite;
