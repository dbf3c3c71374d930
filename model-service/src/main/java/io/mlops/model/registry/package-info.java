/** The model registry: models, versions numbered 1..n, aliases with their full history, artifacts; {@link io.mlops.model.registry.ModelRegistry} is its API. */
package io.mlops.model.registry;
