/** Which model versions were trained on which dataset versions, learned from ModelTrained events; guards deletes. */
package io.mlops.data.usage;
