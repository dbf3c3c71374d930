/** Where dataset bytes come from and go: import roots, work files, and blob commits tied to the database transaction. */
package io.mlops.data.storage;
