/** The model artifact: model.json manifest plus parameter file, packed as one zip with a SHA-256. */
package io.mlops.runtime.artifact;
