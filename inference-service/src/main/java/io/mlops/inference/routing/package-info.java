/** Which version serves a request: alias resolution through the registry, deployments moving aliases after warm-up. */
package io.mlops.inference.routing;
