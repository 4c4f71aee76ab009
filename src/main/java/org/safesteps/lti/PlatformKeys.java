package org.safesteps.lti;

import java.net.MalformedURLException;
import java.net.URI;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import org.springframework.stereotype.Component;

/**
 * Each platform's public keys, fetched from its key set URL and cached (nimbus's
 * {@link JWKSourceBuilder}): a token whose kid is not in the cached set makes it fetch the set
 * again (a platform rotated its key), at most once per
 * {@link LtiProperties#platformKeysMinRefresh}. Key sets are public, so caching them in each
 * instance's memory is safe; a changed URL gets a new cache.
 */
@Component
class PlatformKeys {

	private static final int CONNECT_TIMEOUT_MS = 2000;

	private static final int READ_TIMEOUT_MS = 3000;

	private static final int SIZE_LIMIT_BYTES = 256 * 1024;

	private final LtiProperties properties;

	private final ConcurrentMap<String, JWKSource<SecurityContext>> sources = new ConcurrentHashMap<>();

	PlatformKeys(LtiProperties properties) {
		this.properties = properties;
	}

	JWKSource<SecurityContext> of(Registration registration) {
		return this.sources.computeIfAbsent(registration.id() + " " + registration.jwksUrl(),
				(key) -> build(registration.jwksUrl()));
	}

	private JWKSource<SecurityContext> build(String url) {
		try {
			long ttl = this.properties.platformKeysTtl().toMillis();
			long minRefresh = this.properties.platformKeysMinRefresh().toMillis();
			JWKSourceBuilder<SecurityContext> builder = JWKSourceBuilder
				.create(URI.create(url).toURL(),
						new DefaultResourceRetriever(CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS, SIZE_LIMIT_BYTES))
				.cache(ttl, CONNECT_TIMEOUT_MS + READ_TIMEOUT_MS)
				.refreshAheadCache(false)
				.retrying(false);
			builder = (minRefresh > 0) ? builder.rateLimited(minRefresh) : builder.rateLimited(false);
			return builder.build();
		}
		catch (MalformedURLException ex) {
			throw new IllegalArgumentException("Not a key set URL", ex);
		}
	}

}
