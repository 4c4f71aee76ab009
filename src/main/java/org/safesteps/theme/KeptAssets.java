package org.safesteps.theme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.AbstractResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

/**
 * Reads a packaged asset's bytes once and answers from memory afterwards. From the jar, every
 * request looked the file up through the class loader twice (for its length and its content) and
 * inflated it again: 40% of the asset handler's time in the 9:00 burst (docs/performance.md).
 * Placed after Spring's caching resolver, so what is kept is the in-memory copy; only the few files
 * under the themes' static folders are ever kept.
 */
final class KeptAssets extends AbstractResourceResolver {

	@Override
	protected Resource resolveResourceInternal(HttpServletRequest request, String requestPath,
			List<? extends Resource> locations, ResourceResolverChain chain) {
		Resource found = chain.resolveResource(request, requestPath, locations);
		return (found == null) ? null : new KeptAsset(found);
	}

	@Override
	protected String resolveUrlPathInternal(String resourceUrlPath, List<? extends Resource> locations,
			ResourceResolverChain chain) {
		return chain.resolveUrlPath(resourceUrlPath, locations);
	}

	/** The bytes of a file, with its name (the content type is taken from it). */
	static final class KeptAsset extends ByteArrayResource {

		private final String filename;

		KeptAsset(Resource file) {
			super(read(file), file.getDescription());
			this.filename = file.getFilename();
		}

		private static byte[] read(Resource file) {
			try (InputStream in = file.getInputStream()) {
				return in.readAllBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public String getFilename() {
			return this.filename;
		}

		/** The same file's bytes (a byte array's equality alone would also match another file's copy). */
		@Override
		public boolean equals(Object other) {
			return other instanceof KeptAsset asset && getDescription().equals(asset.getDescription())
					&& super.equals(other);
		}

		/**
		 * By the file's description, not its bytes: Spring's transformer cache hashes the resource on
		 * every request, and hashing a stylesheet's 37 KB was a tenth of an asset request's CPU.
		 */
		@Override
		public int hashCode() {
			return getDescription().hashCode();
		}

	}

}
