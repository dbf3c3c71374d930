/** The platform's prediction API (/api/v1/models/.../predict) and the prediction path shared with the OIP endpoints. */
package io.mlops.inference.api;
