/** Checks that keep generated regions of the project's documents equal to what the tests run. */
package io.exflux.testkit.docs;
