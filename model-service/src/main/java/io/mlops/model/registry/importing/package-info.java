/** Import of external TorchScript modules into the registry, accepted only after a trial run on their example row. */
package io.mlops.model.registry.importing;
