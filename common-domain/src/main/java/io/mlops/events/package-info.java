/** The event contracts between services: the envelope, the events, their topics and their JSON form. */
package io.mlops.events;
