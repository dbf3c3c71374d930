/** Health indicators beyond Boot's own. */
package io.mlops.support.health;
