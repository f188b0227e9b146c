/** Energy accounting and auditor exports. Not built yet: see README.md. */
package io.kelvin.reports;
