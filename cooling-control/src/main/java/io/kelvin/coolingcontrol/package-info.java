/** Supervisory cooling control inside a safety envelope. Not built yet: see README.md. */
package io.kelvin.coolingcontrol;
