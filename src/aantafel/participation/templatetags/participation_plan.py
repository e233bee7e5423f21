"""The plan section of the staff trajectory page (P3): its campaigns and the plan's actions,
each with the input it came from. A tag, so the trajectory page (views_trajectories) needs no
change; it costs three queries (the campaigns with their counts, the actions, their themes)."""

from django import template

from .. import queries_campaigns

register = template.Library()


@register.inclusion_tag("participation/plan/_trajectory_section.html", takes_context=True)
def trajectory_plan(context, trajectory):
    region = context["region"]
    actions = queries_campaigns.plan_actions(trajectory)
    return {
        "region": region,
        "trajectory": trajectory,
        "campaigns": list(queries_campaigns.campaign_list(region, trajectory=trajectory)[:10]),
        "groups": queries_campaigns.plan_by_pillar(actions),
        "can_manage": context.get("can_manage", False),
    }
