/** PredictionMade events off the hot path: bounded buffer, sampling, background sender, drops counted. */
package io.mlops.inference.events;
