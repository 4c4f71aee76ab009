/** A module that declares beta and uses it: allowed. */
@ApplicationModule(allowedDependencies = "beta")
package example.boundaries.gamma;

import org.springframework.modulith.ApplicationModule;
