/** Unpacking untrusted zip archives without path traversal, links or decompression bombs. */
package io.mlops.runtime.archive;
