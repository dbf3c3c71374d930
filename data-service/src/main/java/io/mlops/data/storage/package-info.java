/**
 * Where dataset bytes come from and go: import roots and work files (blob commits tied to the database
 * transaction are service-support's {@code TransactionalBlobs}).
 */
package io.mlops.data.storage;
