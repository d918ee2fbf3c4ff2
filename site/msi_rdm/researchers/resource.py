"""REST API of researcher profiles: /api/researchers."""

import marshmallow as ma
from flask import g
from flask_resources import resource_requestctx, response_handler, route
from invenio_records_resources.resources import RecordResource, RecordResourceConfig
from invenio_records_resources.resources.records.args import SearchRequestArgsSchema
from invenio_records_resources.resources.records.resource import (
    request_data,
    request_extra_args,
    request_search_args,
    request_view_args,
)


class ResearcherSearchArgsSchema(SearchRequestArgsSchema):
    """Directory arguments: a challenge to find experts for, besides query, paging and facets."""

    challenge = ma.fields.String(validate=ma.validate.Length(max=2000))


class ResearcherResourceConfig(RecordResourceConfig):
    """Routes of the researcher resource."""

    blueprint_name = "msi_researchers"
    url_prefix = "/researchers"
    routes = {
        "list": "",
        "item": "/<pid_value>",
        "approve": "/<pid_value>/actions/approve",
        "decline": "/<pid_value>/actions/decline",
        "retire": "/<pid_value>/actions/retire",
        "works": "/<pid_value>/works",
        "coauthors": "/<pid_value>/coauthors",
    }
    request_search_args = ResearcherSearchArgsSchema


class ResearcherResource(RecordResource):
    """Profiles, their workflow actions and their works."""

    def create_url_rules(self):
        routes = self.config.routes
        return [
            route("GET", routes["list"], self.search),
            route("POST", routes["list"], self.create),
            route("GET", routes["item"], self.read),
            route("PUT", routes["item"], self.update),
            route("DELETE", routes["item"], self.delete),
            route("POST", routes["approve"], self.approve),
            route("POST", routes["decline"], self.decline),
            route("POST", routes["retire"], self.retire),
            route("GET", routes["works"], self.works),
            route("GET", routes["coauthors"], self.coauthors),
        ]

    @request_extra_args
    @request_view_args
    @response_handler()
    def read(self):
        """Read a profile (no record-view statistics: those are for records)."""
        item = self.service.read(g.identity, resource_requestctx.view_args["pid_value"])
        return item.to_dict(), 200

    def _action(self, method):
        item = method(
            g.identity, resource_requestctx.view_args["pid_value"], resource_requestctx.data or {}
        )
        return item.to_dict(), 200

    @request_view_args
    @request_data
    @response_handler()
    def approve(self):
        """A coordinator approves the application (optional ``comment``)."""
        return self._action(self.service.approve)

    @request_view_args
    @request_data
    @response_handler()
    def decline(self):
        """A coordinator declines the application (``comment`` required)."""
        return self._action(self.service.decline)

    @request_view_args
    @request_data
    @response_handler()
    def retire(self):
        """End the affiliation."""
        return self._action(self.service.retire)

    @request_extra_args
    @request_search_args
    @request_view_args
    @response_handler(many=True)
    def works(self):
        """The researcher's works that the caller may see."""
        params = dict(resource_requestctx.args)
        params.pop("challenge", None)
        hits = self.service.works(g.identity, resource_requestctx.view_args["pid_value"], params)
        return hits.to_dict(), 200

    @request_view_args
    @response_handler(many=True)
    def coauthors(self):
        """Network members who share public works with the researcher."""
        people = self.service.coauthors(g.identity, resource_requestctx.view_args["pid_value"])
        return {"hits": {"hits": people, "total": len(people)}}, 200
