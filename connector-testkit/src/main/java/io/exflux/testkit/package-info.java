/**
 * Embedded venue simulators and a scriptable fake venue server, on loopback, for tests: exflux's own,
 * and its users'.
 */
package io.exflux.testkit;
