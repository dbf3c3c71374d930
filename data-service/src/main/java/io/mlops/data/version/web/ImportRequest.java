package io.mlops.data.version.web;

/** Body of {@code POST /datasets/{name}/versions:import}: an absolute server path under an import root, and an optional format. */
record ImportRequest(String path, String format) {
}
