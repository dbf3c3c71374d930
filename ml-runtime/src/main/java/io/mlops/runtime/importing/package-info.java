/** Accepting an external TorchScript module: structure check, packing, a trial run on an example row. */
package io.mlops.runtime.importing;
