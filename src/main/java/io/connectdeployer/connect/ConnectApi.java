package io.connectdeployer.connect;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Connect's two deployment endpoints, and the list a lost answer is looked up in, as a MicroProfile REST client; built once at init by {@link RestConnectClient}. */
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface ConnectApi {

    @POST
    @Path("/v2/deploy_update")
    Response deployUpdate(ConnectPayload payload);

    @POST
    @Path("/api/v2/{project}/deployments")
    Response deployments(@PathParam("project") String project, @HeaderParam("Authorization") String authorization,
            ConnectPayload payload);

    /** Connect's list of the fleet's deployments; {@code after} is the page token, omitted (null) for the first page. */
    @GET
    @Path("/api/v2/{project}/deployments")
    Response listDeployments(@PathParam("project") String project, @HeaderParam("Authorization") String authorization,
            @QueryParam("limit") int limit, @QueryParam("after") String after);
}
