/** Which version serves a request: alias resolution through the registry, traffic splits and shadows, deployments moving aliases after warm-up. */
package io.mlops.inference.routing;
