import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The Jetty ceiling of the load benchmark (src/bench/run.sh, never part of the app): Jetty, the other
 * servlet container Spring Boot 4 runs a servlet application on, at the version the app's Spring Boot
 * manages, default settings, with one servlet answering every GET with the saved lesson page's
 * bytes, as {@code Ceiling} does on Tomcat. No Spring, no filters, no session, no database, no
 * template: whether another container would leave the application more room beside nginx.
 *
 * <p>Usage: {@code java -cp ... JettyCeiling <port> <page file>}; runs until killed.
 */
public final class JettyCeiling {

	private JettyCeiling() {
	}

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		byte[] page = Files.readAllBytes(Path.of(args[1]));
		Server server = new Server();
		ServerConnector connector = new ServerConnector(server);
		connector.setHost("127.0.0.1");
		connector.setPort(port);
		server.addConnector(connector);
		ServletContextHandler context = new ServletContextHandler("/");
		context.addServlet(new ServletHolder(new HttpServlet() {
			@Override
			protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
				response.setContentType("text/html;charset=UTF-8");
				response.setContentLength(page.length);
				response.getOutputStream().write(page);
			}
		}), "/");
		server.setHandler(context);
		server.start();
		server.join();
	}

}
