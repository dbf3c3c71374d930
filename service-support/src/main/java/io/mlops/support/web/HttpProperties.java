package io.mlops.support.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * HTTP settings shared by the services ({@code mlops.http.*}).
 *
 * @param maxRequestSize largest non-multipart request body read, declared or chunked (uploads have their own
 *                       multipart limits)
 */
@ConfigurationProperties("mlops.http")
public record HttpProperties(@DefaultValue("16MB") DataSize maxRequestSize) {
}
