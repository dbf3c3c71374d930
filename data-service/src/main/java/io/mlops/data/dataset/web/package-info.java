/** REST endpoints for datasets ({@code /api/v1/datasets}). */
package io.mlops.data.dataset.web;
