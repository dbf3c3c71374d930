/** REST adapter of the registry: models, versions, tags, aliases with history, artifact and manifest download. */
package io.mlops.model.registry.web;
