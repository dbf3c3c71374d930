package io.mlops.data.version;

import io.mlops.domain.data.DataFormat;
import org.springframework.core.io.Resource;

/** Bytes to stream back: the resource (closed after writing), its format and a file name for Content-Disposition. */
public record Download(Resource body, DataFormat format, String fileName) {
}
