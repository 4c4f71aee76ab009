package example.boundaries.gamma;

import example.boundaries.beta.Beta;

/** Uses beta, as its module declares. */
public class Gamma {

	public String name(Beta beta) {
		return beta.toString();
	}

}
