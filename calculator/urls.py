from django.urls import path, register_converter

from calculator import views
from calculator.results import TokenConverter

register_converter(TokenConverter, "token")

app_name = "calculator"

urlpatterns = [
    path("", views.start, name="start"),
    path("restart/", views.restart, name="restart"),
    path("check/", views.check, name="check"),
    path("result/<token:token>/", views.result, name="result"),
    path("result/<token:token>/recompute/", views.recompute, name="recompute"),
    path("base/", views.base, name="base"),
    path("base/carry/", views.carry_tier, name="base_carry"),
    path("rules/", views.rules, name="rules"),
    path("result/<token:token>/try/", views.try_change, name="try"),
    path("<slug:slug>/", views.step, name="step"),
]
