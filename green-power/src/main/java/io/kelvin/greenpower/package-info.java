/** PV, wind and HVDC models, forecasts, tariffs, carbon feeds and demand response. Not built yet: see README.md. */
package io.kelvin.greenpower;
