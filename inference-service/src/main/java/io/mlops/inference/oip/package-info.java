/** The Open Inference Protocol V2 REST endpoints (/v2), so KServe and Triton clients work unchanged. */
package io.mlops.inference.oip;
