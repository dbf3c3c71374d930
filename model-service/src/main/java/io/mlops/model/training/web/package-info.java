/** REST adapter of training jobs. */
package io.mlops.model.training.web;
