/** Architecture specs of trainable models and their translation into DJL blocks. */
package io.mlops.runtime.architecture;
