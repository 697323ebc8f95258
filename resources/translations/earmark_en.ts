<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>AddEvidenceCommand</name>
        <message numerus="yes">
            <source>Add %n Quote(s) to ‘%1’</source>
            <translation>
                <numerusform>Add %n Quote to ‘%1’</numerusform>
                <numerusform>Add %n Quotes to ‘%1’</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>earmark::ui::CallEditor</name>
        <message numerus="yes">
            <source>Accept %n Proposal(s)</source>
            <translation>
                <numerusform>Accept %n Proposal</numerusform>
                <numerusform>Accept %n Proposals</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Reject %n Proposal(s)</source>
            <translation>
                <numerusform>Reject %n Proposal</numerusform>
                <numerusform>Reject %n Proposals</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>earmark::ui::CodebookDock</name>
        <message numerus="yes">
            <source>Delete the tag ‘%1’? %n quote(s) will lose it.</source>
            <translation>
                <numerusform>Delete the tag ‘%1’? %n quote will lose it.</numerusform>
                <numerusform>Delete the tag ‘%1’? %n quotes will lose it.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Its %n tag(s) inside go too.</source>
            <translation>
                <numerusform>Its %n tag inside go too.</numerusform>
                <numerusform>Its %n tags inside go too.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>earmark::ui::MainWindow</name>
        <message numerus="yes">
            <source>%Ln call(s)</source>
            <translation>
                <numerusform>%Ln call</numerusform>
                <numerusform>%Ln calls</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Imported %n call(s)</source>
            <translation>
                <numerusform>Imported %n call</numerusform>
                <numerusform>Imported %n calls</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>; %n already here</source>
            <translation>
                <numerusform>; %n already here</numerusform>
                <numerusform>; %n already here</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Delete this call with its answers and notes? Its %n quote(s) will go with it. You can undo this.</source>
            <translation>
                <numerusform>Delete this call with its answers and notes? Its %n quote will go with it. You can undo this.</numerusform>
                <numerusform>Delete this call with its answers and notes? Its %n quotes will go with it. You can undo this.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n proposal(s) stored. F8 goes to the next; Enter accepts, Delete rejects.</source>
            <translation>
                <numerusform>%n proposal stored. F8 goes to the next; Enter accepts, Delete rejects.</numerusform>
                <numerusform>%n proposals stored. F8 goes to the next; Enter accepts, Delete rejects.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>earmark::ui::OpportunitiesDock</name>
        <message numerus="yes">
            <source>%n opportunity(s)</source>
            <translation>
                <numerusform>%n opportunity</numerusform>
                <numerusform>%n opportunities</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Opportunity ‘%1’ made, with %n quote(s) as evidence.</source>
            <translation>
                <numerusform>Opportunity ‘%1’ made, with %n quote as evidence.</numerusform>
                <numerusform>Opportunity ‘%1’ made, with %n quotes as evidence.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Added %n quote(s) to ‘%1’.</source>
            <translation>
                <numerusform>Added %n quote to ‘%1’.</numerusform>
                <numerusform>Added %n quotes to ‘%1’.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>earmark::ui::OpportunityEditor</name>
        <message numerus="yes">
            <source>Remove %n Quote(s) from</source>
            <translation>
                <numerusform>Remove %n Quote from</numerusform>
                <numerusform>Remove %n Quotes from</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>made from %n pattern(s)</source>
            <translation>
                <numerusform>made from %n pattern</numerusform>
                <numerusform>made from %n patterns</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>earmark::ui::PatternListModel</name>
        <message numerus="yes">
            <source>%n of them here; %1 in all</source>
            <translation>
                <numerusform>%n of them here; %1 in all</numerusform>
                <numerusform>%n of them here; %1 in all</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n distinct customer(s) said this</source>
            <translation>
                <numerusform>%n distinct customer said this</numerusform>
                <numerusform>%n distinct customers said this</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>earmark::ui::PatternsDock</name>
        <message numerus="yes">
            <source>%n pattern(s)</source>
            <translation>
                <numerusform>%n pattern</numerusform>
                <numerusform>%n patterns</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n pattern(s): the same problem said by two or more customers.</source>
            <translation>
                <numerusform>%n pattern: the same problem said by two or more customers.</numerusform>
                <numerusform>%n patterns: the same problem said by two or more customers.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Merge %n Pattern(s) into ‘%1’</source>
            <translation>
                <numerusform>Merge %n Pattern into ‘%1’</numerusform>
                <numerusform>Merge %n Patterns into ‘%1’</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Split %n Quote(s) from ‘%1’</source>
            <translation>
                <numerusform>Split %n Quote from ‘%1’</numerusform>
                <numerusform>Split %n Quotes from ‘%1’</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Opportunity ‘%1’ made, with %n quote(s) as evidence.</source>
            <translation>
                <numerusform>Opportunity ‘%1’ made, with %n quote as evidence.</numerusform>
                <numerusform>Opportunity ‘%1’ made, with %n quotes as evidence.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>earmark::ui::QuoteBrowserDock</name>
        <message numerus="yes">
            <source>%n quote(s)</source>
            <translation>
                <numerusform>%n quote</numerusform>
                <numerusform>%n quotes</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>earmark::ui::RulesDialog</name>
        <message numerus="yes">
            <source>%n change(s)</source>
            <translation>
                <numerusform>%n change</numerusform>
                <numerusform>%n changes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n call(s)</source>
            <translation>
                <numerusform>%n call</numerusform>
                <numerusform>%n calls</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>earmark::ui::RulesPreviewDialog</name>
        <message numerus="yes">
            <source>%n change(s)</source>
            <translation>
                <numerusform>%n change</numerusform>
                <numerusform>%n changes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n call(s)</source>
            <translation>
                <numerusform>%n call</numerusform>
                <numerusform>%n calls</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n new quote(s)</source>
            <translation>
                <numerusform>%n new quote</numerusform>
                <numerusform>%n new quotes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n tag(s)</source>
            <translation>
                <numerusform>%n tag</numerusform>
                <numerusform>%n tags</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n bucket(s)</source>
            <translation>
                <numerusform>%n bucket</numerusform>
                <numerusform>%n buckets</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>StoreProposalsCommand</name>
        <message numerus="yes">
            <source>%n proposal(s)</source>
            <translation>
                <numerusform>%n proposal</numerusform>
                <numerusform>%n proposals</numerusform>
            </translation>
        </message>
    </context>
</TS>
