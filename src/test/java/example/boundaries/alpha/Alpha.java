package example.boundaries.alpha;

import example.boundaries.beta.Beta;

/** Uses beta although its module declares no dependencies. */
public class Alpha {

	public String name(Beta beta) {
		return beta.toString();
	}

}
