/** The online store in Redis: one packed vector per entity and feature-set version, read with one MGET. */
package io.mlops.feature.online;
