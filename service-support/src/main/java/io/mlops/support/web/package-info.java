/** RFC 9457 ProblemDetail answers for every error, from one advice, with each error class counted. */
package io.mlops.support.web;
