/** The service's settings ({@code mlops.data.*}) and the beans made from them. */
package io.mlops.data.settings;
