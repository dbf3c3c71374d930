/** Online features for {@code entities} requests, from the feature-service's online API, with a bounded wait. */
package io.mlops.inference.online;
