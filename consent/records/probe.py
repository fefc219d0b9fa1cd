"""A bare recording endpoint for the concurrency test and the load benchmark.

It is not routed by the plugin: only `tests/consent_records/urls.py` mounts it.
It measures recording alone; the consent plugin's accept, decline and save views
call `record_decision` for real decisions.
"""

from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .api import record_decision


@csrf_exempt
@require_POST
def record_probe_decision(request):
    try:
        record = record_decision(
            request,
            response := HttpResponse(status=201, content_type="text/plain"),
            accepted=request.POST.getlist("accepted"),
            declined=request.POST.getlist("declined"),
            source=request.POST.get("source", "banner"),
            versions={},
        )
    except (TypeError, ValueError) as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain")
    response.content = str(record.consent_id if record else "").encode()
    return response
