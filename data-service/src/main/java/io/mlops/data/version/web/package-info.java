/** REST endpoints for dataset versions: upload, import, metadata, downloads, and the admin delete. */
package io.mlops.data.version.web;
