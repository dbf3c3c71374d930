/** Datasets: named collections of versions, with an optional declared schema and a validation policy. */
package io.mlops.data.dataset;
