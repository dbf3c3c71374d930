/** Column profiles (counts, moments, quantiles, histograms, top values) computed in-engine by DuckDB. */
package io.mlops.data.profile;
