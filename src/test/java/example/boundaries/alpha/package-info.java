/** A module that declares it uses no other: its reference to beta must be reported. */
@ApplicationModule(allowedDependencies = {})
package example.boundaries.alpha;

import org.springframework.modulith.ApplicationModule;
