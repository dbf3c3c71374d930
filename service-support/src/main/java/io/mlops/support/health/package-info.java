/** Health indicators the readiness probe needs beyond Boot's own. */
package io.mlops.support.health;
