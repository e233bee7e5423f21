"""Error reports never carry case data (issue 5): for a request to a case address, every posted
value and every local variable of the traceback is replaced before Django's error report (the
mail to ADMINS, the debug page, a logging handler that renders reports) sees it. The path with
its opaque reference stays, so an error can still be found."""

import re

from django.views.debug import SafeExceptionReporterFilter

CASE_PATHS = re.compile(r"/clientoverleg/|/api/v1/regions/[^/]+/cases/")


def is_case_request(request) -> bool:
    return request is not None and bool(CASE_PATHS.search(getattr(request, "path", "")))


class CaseDataReporterFilter(SafeExceptionReporterFilter):
    def get_post_parameters(self, request):
        if is_case_request(request):
            return dict.fromkeys(request.POST, self.cleansed_substitute)
        return super().get_post_parameters(request)

    def get_traceback_frame_variables(self, request, tb_frame):
        if is_case_request(request):
            return [(name, self.cleansed_substitute) for name in tb_frame.f_locals]
        return super().get_traceback_frame_variables(request, tb_frame)
