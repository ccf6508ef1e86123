from django import forms

from renewal.dateinput import InvalidDate, parse_date


class DateInput(forms.DateInput):
    input_type = "date"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        # The Bootstrap class for the red border, on the widget Django has already marked aria-invalid.
        if context["widget"]["attrs"].get("aria-invalid"):
            context["widget"]["attrs"]["class"] += " is-invalid"
        return context


class DateField(forms.Field):
    """A date typed or picked by the user; every way it can be wrong gets a Chinese message."""

    widget = DateInput(attrs={"class": "dateinput form-control", "min": "2000-01-01", "max": "2099-12-31"})

    def to_python(self, value):
        if not value or not value.strip():
            return None
        try:
            return parse_date(value)
        except InvalidDate as error:
            raise forms.ValidationError(str(error), code="invalid") from None


class ExpiryForm(forms.Form):
    expiry = DateField(
        label="居住证有效期至",
        help_text="填证件上印的有效期截止日期，也就是证件有效的最后一天。",
        error_messages={"required": "请填写居住证的有效期截止日期。"},
    )


class AcceptedForm(forms.Form):
    accepted = DateField(
        label="受理日期",
        help_text="社区事务受理服务中心收下申请材料的那一天。",
        error_messages={"required": "请填写受理日期。"},
    )
